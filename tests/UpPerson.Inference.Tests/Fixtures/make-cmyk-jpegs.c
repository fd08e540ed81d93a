/*
 * Writes the two CMYK fixtures with libjpeg (Debian bookworm, libjpeg62-turbo 2.1.5):
 *   cc -O2 -o make-cmyk-jpegs make-cmyk-jpegs.c -ljpeg && ./make-cmyk-jpegs
 * 64x16 pixels, four 16x16 blocks left to right, ink given as (C, M, Y, K) in 0..255:
 *   red (0, 255, 255, 0), green (255, 0, 255, 0), dark orange (0, 128, 255, 64), grey (0, 0, 0, 128).
 * Samples are stored inverted (255 - ink), the Adobe convention Photoshop uses; libjpeg writes the
 * Adobe APP14 marker with transform 0 for cmyk-adobe.jpg and 2 (YCCK) for ycck-adobe.jpg.
 * Quality 100 and no chroma subsampling keep block centres within a few levels of the ink values.
 */
#include <stdio.h>
#include <jpeglib.h>

static const unsigned char inks[4][4] = {
    {0, 255, 255, 0},
    {255, 0, 255, 0},
    {0, 128, 255, 64},
    {0, 0, 0, 128},
};

static int write_fixture(const char *path, J_COLOR_SPACE stored) {
    FILE *file = fopen(path, "wb");
    if (file == NULL) {
        perror(path);
        return 1;
    }

    struct jpeg_compress_struct compressor;
    struct jpeg_error_mgr errors;
    compressor.err = jpeg_std_error(&errors);
    jpeg_create_compress(&compressor);
    jpeg_stdio_dest(&compressor, file);
    compressor.image_width = 64;
    compressor.image_height = 16;
    compressor.input_components = 4;
    compressor.in_color_space = JCS_CMYK;
    jpeg_set_defaults(&compressor);
    jpeg_set_colorspace(&compressor, stored);
    jpeg_set_quality(&compressor, 100, TRUE);
    for (int i = 0; i < compressor.num_components; i++) {
        compressor.comp_info[i].h_samp_factor = 1;
        compressor.comp_info[i].v_samp_factor = 1;
    }

    jpeg_start_compress(&compressor, TRUE);
    unsigned char row[64 * 4];
    for (int x = 0; x < 64; x++) {
        for (int k = 0; k < 4; k++) {
            row[x * 4 + k] = 255 - inks[x / 16][k];
        }
    }

    while (compressor.next_scanline < compressor.image_height) {
        JSAMPROW rows[1] = {row};
        jpeg_write_scanlines(&compressor, rows, 1);
    }

    jpeg_finish_compress(&compressor);
    jpeg_destroy_compress(&compressor);
    fclose(file);
    return 0;
}

int main(void) {
    return write_fixture("cmyk-adobe.jpg", JCS_CMYK) | write_fixture("ycck-adobe.jpg", JCS_YCCK);
}

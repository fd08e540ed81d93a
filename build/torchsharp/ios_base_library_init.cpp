// Supplies std::ios_base_library_init() for libstdc++ builds older than GCC 13.
//
// GCC 13 added this function (symbol version GLIBCXX_3.4.32) and makes every translation unit that
// includes <iostream> call it, so that the standard streams exist before static constructors use
// them. TorchSharp 0.107.0's libLibTorchSharp.so was built with such a compiler, but Debian 12 ships
// GCC 12's libstdc++ (GLIBCXX_3.4.30). Constructing std::ios_base::Init is what the GCC 13
// function does, and older libstdc++ versions still honour that object.
#include <ios>

namespace std
{
    void ios_base_library_init()
    {
        static ios_base::Init streams_initialised;
    }
}

using System.Runtime.CompilerServices;

// The caption and drawing tests build attributes and pose by hand and call the writer directly.
[assembly: InternalsVisibleTo("UpPerson.Datasets.Tests")]

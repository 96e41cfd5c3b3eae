"""Stage 2, areas and linking: CBS figures and boundaries per wijk, postcode tables, linking answers to wijken."""

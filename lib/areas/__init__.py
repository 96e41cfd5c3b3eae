"""Stage 2, areas and linking: CBS figures and boundaries per wijk (any CBS shape, or the bundled data of every
gemeente), the indicator dictionary, postcode tables, linking answers to wijken."""

"""Stage 1, reading: bytes -> sheets -> tables with header rows -> column roles -> survey records and answers."""

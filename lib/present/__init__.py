"""The edge: numbers turned into Dutch text, charts, maps and downloadable tables."""

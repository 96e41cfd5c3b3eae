"""Stage 4, wijken: aggregates per wijk as numbers, with the small-number decision made once."""

"""Stage 3, themes: codebook, tagger (themes and tone), corrections and learning from them."""

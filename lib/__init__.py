"""Wijkbeeld's brain: reading, linking and analysing resident input per wijk.

Nothing in this package imports streamlit; the pages call these functions and draw.
"""

__version__ = "0.1.0"

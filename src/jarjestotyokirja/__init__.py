"""jarjestotyokirja (jtk): Kuntaliiton 10 + 1 ideaa -työkirja komentorivillä."""

__version__ = "0.1.0"

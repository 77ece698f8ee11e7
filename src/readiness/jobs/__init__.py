"""The jobs the command line offers, as library functions: they return results and the paths written."""

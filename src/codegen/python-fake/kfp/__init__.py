"""A recording stand-in for the KFP SDK, for tests of generated pipeline code."""
__version__ = '2.15.2+recording'

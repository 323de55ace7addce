"""The vocabularies of tracker/data: loading, validating and matching them."""

"""The extraction pipeline's stages: a transcript's sentences in, claims, actuals and events out."""

"""fls domain: transcripts, periods, quantities, claims, actuals and the rules that score them.

Pure Python: importing this package loads neither Textual nor SQLAlchemy.
"""

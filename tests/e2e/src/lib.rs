//! See `tests/`: the end-to-end tests live there.

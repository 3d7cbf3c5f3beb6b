"""Quality harness: run the app for real and measure it (``python -m bench``)."""

"""The tests are one package (``tests/__init__.py``). Their shared helpers are in
``tests/harness/`` (AppTest page driving, a real server, headless Chromium), which bench uses
too; the browser tests' fixtures are in ``tests/browser/conftest.py``."""

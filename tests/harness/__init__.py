"""The shared test harness: AppTest page driving (:mod:`.apptest`), a real ``streamlit run``
server (:mod:`.server`) and headless Chromium (:mod:`.browser`). The tests and bench use it;
it imports nothing from bench."""

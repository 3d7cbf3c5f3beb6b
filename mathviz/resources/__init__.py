"""Learning resources: the curated list and the thread's advice, as data (:mod:`.library`)."""

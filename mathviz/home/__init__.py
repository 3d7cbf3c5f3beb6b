"""Home: the learning path (:mod:`.path`) and its picture (:mod:`.figures`)."""

"""Learning resources' URL state: the topic and kind filters."""

from mathviz.catalog import TOPICS
from mathviz.params import multi, page
from mathviz.resources.library import KINDS

TOPIC_LABELS = tuple(label for topic, label in TOPICS.items() if topic != "python")

RESOURCES = page(
    "resources",
    multi(
        "topic",
        "Topic",
        TOPIC_LABELS,
        doc="topics to show: `topic=Linear%20algebra&topic=Calculus`",
    ),
    multi("kind", "Kind", KINDS, doc="kinds of resource to show"),
)

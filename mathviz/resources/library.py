"""Curated learning resources and the advice of the thread the app grew from, as data.

The Resources page, the Home page's learning path and every topic page's "Learn more"
read this module; nothing about a resource is written into a page.
"""

from __future__ import annotations

from dataclasses import dataclass

from mathviz.catalog import TOPICS

KINDS: tuple[str, ...] = ("video series", "website", "lecture course", "book")
LEVELS: tuple[str, ...] = ("beginner", "intermediate", "advanced")


@dataclass(frozen=True)
class Resource:
    """One recommended resource.

    Attributes
    ----------
    title, author : as the resource names them.
    kind : one of :data:`KINDS`.
    topics : keys of :data:`mathviz.catalog.TOPICS` it teaches.
    level : one of :data:`LEVELS`, the reader it is written for.
    description : what it is and when to use it, in our words.
    url : an https address.
    """

    title: str
    author: str
    kind: str
    topics: tuple[str, ...]
    level: str
    description: str
    url: str


RESOURCES: tuple[Resource, ...] = (
    Resource(
        title="Neural networks (starts with “But what is a neural network?”)",
        author="3Blue1Brown (Grant Sanderson)",
        kind="video series",
        topics=("nn", "linalg", "calculus"),
        level="beginner",
        description=(
            "The must-watch first look at how a network of neurons, weights and biases turns "
            "pixels into a digit, and how gradient descent and backpropagation train it. "
            "Animated, with no code required."
        ),
        url="https://youtu.be/aircAruvnKk",
    ),
    Resource(
        title="Seeing Theory",
        author="Daniel Kunin et al., Brown University",
        kind="website",
        topics=("probability", "stats"),
        level="beginner",
        description=(
            "Interactive chapters on chance, compound probability, distributions, inference and "
            "regression: drag, sample and watch the laws of probability appear."
        ),
        url="https://seeing-theory.brown.edu/basic-probability/index.html",
    ),
    Resource(
        title="MIT 18.06 Linear Algebra",
        author="Gilbert Strang, MIT OpenCourseWare",
        kind="lecture course",
        topics=("linalg",),
        level="beginner",
        description=(
            "The classic recorded lecture course: elimination, the four fundamental subspaces, "
            "determinants, eigenvalues and the SVD. Made for first-year students; more than "
            "fifteen years old and still entirely relevant."
        ),
        url="https://www.youtube.com/playlist?list=PL49CF3715CB9EF31D",
    ),
    Resource(
        title="Essence of linear algebra",
        author="3Blue1Brown (Grant Sanderson)",
        kind="video series",
        topics=("linalg",),
        level="beginner",
        description=(
            "Linear algebra as geometry: vectors, matrices as transformations of space, "
            "determinants as area, eigenvectors as directions that stay put. Short and easy to "
            "digest; pairs well with the Linear algebra page here."
        ),
        url="https://www.youtube.com/watch?v=fNk_zzaMoSs&list=PLZHQObOWTQDPD3MizzM2xVFitgF8hE_ab",
    ),
    Resource(
        title="Khan Academy Math",
        author="Khan Academy",
        kind="website",
        topics=("trig", "linalg", "calculus", "stats", "probability"),
        level="beginner",
        description=(
            "Free courses with exercises on every topic from arithmetic to multivariable "
            "calculus: the first place to go when a prerequisite is shaky."
        ),
        url="https://www.khanacademy.org/math",
    ),
    Resource(
        title="Essence of calculus",
        author="3Blue1Brown (Grant Sanderson)",
        kind="video series",
        topics=("calculus",),
        level="beginner",
        description=(
            "Derivatives, the chain rule, integrals and the fundamental theorem built from "
            "pictures, so that calculus feels discovered rather than memorised."
        ),
        url="https://www.youtube.com/watch?v=WUvTyaaNkzM&list=PL0-GT3co4r2wlh6UHTUeQsrf3mlS2lk6x",
    ),
    Resource(
        title="Mathematics for Machine Learning",
        author="Marc Peter Deisenroth, A. Aldo Faisal, Cheng Soon Ong",
        kind="book",
        topics=("linalg", "calculus", "probability", "stats", "nn"),
        level="intermediate",
        description=(
            "A free book that joins linear algebra, analytic geometry, matrix decompositions, "
            "vector calculus, probability and optimisation, then applies them to regression, "
            "PCA, density estimation and SVMs. Read it after the fundamentals."
        ),
        url="https://mml-book.github.io",
    ),
)

# The thread's advice, paraphrased.
ADVICE: tuple[str, ...] = (
    "Learn to program in Python well before the maths: you will want to try every idea in code.",
    "Trigonometry and algebra come first: they are the prerequisites for everything else.",
    "Then linear algebra (representing and manipulating data), calculus (training and "
    "optimising models), statistics (making sense of data) and probability (deciding under "
    "uncertainty).",
    "Read the Mathematics for Machine Learning book after the fundamentals, for example once "
    "Khan Academy's courses feel easy.",
)


def filter_resources(
    topics: tuple[str, ...] | list[str] = (),
    kinds: tuple[str, ...] | list[str] = (),
    resources: tuple[Resource, ...] = RESOURCES,
) -> list[Resource]:
    """Resources teaching any of ``topics`` and of any of ``kinds``; empty means no filter."""
    unknown = (set(topics) - set(TOPICS)) | (set(kinds) - set(KINDS))
    if unknown:
        raise ValueError(f"unknown topics or kinds: {sorted(unknown)}")
    return [
        resource
        for resource in resources
        if (not topics or set(resource.topics) & set(topics))
        and (not kinds or resource.kind in kinds)
    ]

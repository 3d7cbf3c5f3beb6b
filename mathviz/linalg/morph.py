"""Paths from the identity to a matrix, for the animations of /linear-algebra.

An animation is a stack of matrices ``(n, d, d)``, the first I and the last A, played in the
browser. Which path looks right depends on A: straight (every point moves on a line, and
real eigenvectors stay on their lines) or by angle (a rotation turns instead of cutting the
corner).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from mathviz.core.matrix2 import rank_tolerance
from mathviz.linalg.transform import STEPS, TINY_ENTRY, active_steps

# Key frames: Play glides linearly between them (mathviz.plot.animation, ``glide``), so a few
# eased key frames make a smooth motion; at 85 ms a frame the morph takes 2 s, a step 1.1 s.
FRAMES_MORPH = 25  # frames of the I -> A animation
FRAMES_PER_STEP = 13  # frames per step when composed steps play one after another


def polar(matrix: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Polar decomposition ``A = R S``: an orthogonal ``R`` (turn or mirror) after a stretch ``S``.

    Parameters
    ----------
    matrix : (n, n) ndarray.

    Returns
    -------
    R : (n, n) orthogonal; ``det R = sign(det A)``, and +1 when A is singular.
    S : (n, n) symmetric positive semi-definite.

    Notes
    -----
    From the SVD ``A = U Σ Vᵀ``: ``R = U Vᵀ`` and ``S = V Σ Vᵀ``. When A is singular the
    direction it kills can be mapped either way; we pick the one with ``det R = +1`` so the
    animation turns rather than mirrors.
    """
    a = np.asarray(matrix, dtype=float)
    u, s, vt = np.linalg.svd(a)
    if np.linalg.det(u @ vt) < 0 and s[-1] <= rank_tolerance(s, a.shape[0]):
        u = u.copy()
        u[:, -1] = -u[:, -1]
    return u @ vt, (vt.T * s) @ vt


def fractional_rotation(rotation_matrix: np.ndarray, t: np.ndarray) -> np.ndarray:
    """(len(t), n, n) rotations a fraction ``t`` of the way from I to ``rotation_matrix``.

    Notes
    -----
    2D: ``R(t·θ)`` with ``θ = atan2(R10, R00)``. 3D: the axis-angle vector ``ω`` of R scaled
    by t, ``exp(t [ω]×)`` (scipy's :class:`~scipy.spatial.transform.Rotation`).
    """
    r = np.asarray(rotation_matrix, dtype=float)
    t = np.atleast_1d(np.asarray(t, dtype=float))
    if r.shape == (2, 2):
        theta = math.atan2(r[1, 0], r[0, 0])
        c, s = np.cos(t * theta), np.sin(t * theta)
        return np.stack([np.stack([c, -s], -1), np.stack([s, c], -1)], -2)
    # Imported here: scipy.spatial takes ~0.3 s to import, and only 3D turns need it.
    from scipy.spatial.transform import Rotation

    rotvec = Rotation.from_matrix(r).as_rotvec()
    return Rotation.from_rotvec(t[:, None] * rotvec[None, :]).as_matrix()


def straight_path(matrix: np.ndarray, t: np.ndarray) -> np.ndarray:
    """(len(t), n, n) matrices ``(1 - t) I + t A``: every point moves on a straight line.

    Notes
    -----
    Eigenvectors stay on their lines: ``((1-t) I + t A) v = (1 - t + t λ) v``.
    """
    a = np.asarray(matrix, dtype=float)
    t = np.atleast_1d(np.asarray(t, dtype=float))[:, None, None]
    return (1.0 - t) * np.eye(a.shape[0]) + t * a


def angle_path(matrix: np.ndarray, t: np.ndarray) -> np.ndarray:
    """(len(t), n, n) matrices that turn by angle while they stretch: ``R(t) S(t)``.

    Notes
    -----
    With ``A = R S`` (:func:`polar`): ``S(t) = (1-t) I + t S`` and, when ``det R = +1``,
    ``R(t)`` the rotation by the fraction t of R's angle; a mirror (``det R = -1``) cannot be
    reached by turning, so it is blended straight, ``(1-t) I + t R``. A rotation by 90° thus
    turns by 90° instead of cutting the corner and shrinking on the way.
    """
    a = np.asarray(matrix, dtype=float)
    t = np.atleast_1d(np.asarray(t, dtype=float))
    r, s = polar(a)
    stretch = straight_path(s, t)
    turning = fractional_rotation(r, t) if np.linalg.det(r) > 0 else straight_path(r, t)
    return turning @ stretch


MORPHS: dict[str, Callable[[np.ndarray, np.ndarray], np.ndarray]] = {
    "straight": straight_path,
    "by angle": angle_path,
}
AUTO_MORPH = "auto"


def has_complex_eigenvalues(matrix: np.ndarray) -> bool:
    """Whether A has a non-real eigenvalue (it turns every direction).

    Notes
    -----
    2x2: the discriminant ``(a - d)² + 4bc`` of the characteristic polynomial is negative.
    Larger: an eigenvalue has an imaginary part above ``1e-9 · ‖A‖``.
    """
    a = np.asarray(matrix, dtype=float)
    if a.shape == (2, 2):
        return float((a[0, 0] - a[1, 1]) ** 2 + 4.0 * a[0, 1] * a[1, 0]) < 0
    scale = max(float(np.abs(a).max()), TINY_ENTRY)
    return bool(np.any(np.abs(np.linalg.eigvals(a).imag) > 1e-9 * scale))


def straight_path_flattens(matrix: np.ndarray) -> bool:
    """Whether ``(1 - t) I + t A`` is singular for some t in [0, 1] although ``det A > 0``.

    Notes
    -----
    Then the straight morph would squash the plane flat on its way to a map that does not
    (e.g. ``A = -I``, a half turn), and the morph by angle looks right.
    """
    a = np.asarray(matrix, dtype=float)
    if np.linalg.det(a) <= 0:
        return False
    dets = np.linalg.det(straight_path(a, np.linspace(0.0, 1.0, 201)))
    return bool(np.any(dets <= 0))


def choose_morph(matrix: np.ndarray, keep_eigenvectors: bool = False) -> str:
    """The morph that looks most natural for A: ``"by angle"`` or ``"straight"``.

    Parameters
    ----------
    matrix : (n, n) ndarray.
    keep_eigenvectors : prefer the straight morph whenever A has real eigenvectors, because
        only the straight morph keeps them on their lines all the way.

    Notes
    -----
    By angle when A turns every direction (complex eigenvalues), or when the straight morph
    would flatten the plane on the way to an orientation-keeping map; straight otherwise
    (shears, stretches, mirrors, projections).
    """
    a = np.asarray(matrix, dtype=float)
    if has_complex_eigenvalues(a):
        return "by angle"
    if not keep_eigenvectors and straight_path_flattens(a):
        return "by angle"
    return "straight"


def ease(n_frames: int) -> np.ndarray:
    """(n_frames,) times from 0 to 1 that start and stop gently (smoothstep ``3u² - 2u³``)."""
    u = np.linspace(0.0, 1.0, n_frames)
    return u * u * (3.0 - 2.0 * u)


@dataclass(frozen=True)
class Animation:
    """The matrices of an animation, one per frame, and what each frame shows.

    Attributes
    ----------
    matrices : (n, d, d) ndarray; ``matrices[0]`` is I and ``matrices[-1]`` the final map.
    captions : n short labels for the scrub slider (``"t = 0.50"``,
        ``"step 2/3: shear x 1"``).
    """

    matrices: np.ndarray
    captions: tuple[str, ...]


def morph(matrix: np.ndarray, method: str, n_frames: int = FRAMES_MORPH) -> Animation:
    """The animation from I to A along the path ``MORPHS[method]``, eased in and out.

    Parameters
    ----------
    matrix : (d, d) ndarray.
    method : a key of :data:`MORPHS`.
    n_frames : number of frames, the identity and A included.

    Returns
    -------
    Animation whose last matrix is exactly A.
    """
    a = np.asarray(matrix, dtype=float)
    times = ease(n_frames)
    matrices = MORPHS[method](a, times)
    matrices[0], matrices[-1] = np.eye(a.shape[0]), a  # exact ends, no rounding
    return Animation(matrices, tuple(f"t = {t:.2f}" for t in times))


def play_steps(steps: Sequence[tuple[str, float]], n_per_step: int = FRAMES_PER_STEP) -> Animation:
    """The animation that plays composed steps one after another.

    Parameters
    ----------
    steps : ``(step name, parameter)`` pairs in the order they act; ``"none"`` is skipped.
    n_per_step : frames per step.

    Returns
    -------
    Animation starting at I; during step k it shows ``Mk(s) · P(k-1)``, where ``P(k-1)`` is
    the product of the earlier steps and ``Mk(s)`` the step a fraction s of its way.
    """
    chosen = active_steps(steps)
    matrices, captions = [np.eye(2)], ["start: the identity"]
    done = np.eye(2)
    for index, (name, amount) in enumerate(chosen, start=1):
        step = STEPS[name]
        for s in ease(n_per_step + 1)[1:]:
            matrices.append(step.along(amount, s) @ done)
            captions.append(f"step {index}/{len(chosen)}: {name} {step.amount_text(amount)}")
        done = step.build(amount) @ done
        matrices[-1] = done  # the step's exact matrix, no rounding
    return Animation(np.array(matrices), tuple(captions))

"""Least squares on /vectors: fitting a line is projecting y onto the column space of X.

Pure numpy; the normal equations XᵀX β̂ = Xᵀy, and a faithful 3-D picture of the projection.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


def noisy_line(
    seed: int,
    n: int,
    noise: float,
    slope: float = 0.6,
    intercept: float = 1.5,
    x_range: tuple[float, float] = (0.0, 10.0),
) -> tuple[np.ndarray, np.ndarray]:
    """``n`` seeded points scattered round the line y = slope·x + intercept.

    Returns
    -------
    x, y : (n,) ndarrays; x uniform on ``x_range`` (sorted), y with Gaussian noise of standard
        deviation ``noise``.
    """
    rng = np.random.default_rng(seed)
    x = np.sort(rng.uniform(*x_range, size=n))
    y = slope * x + intercept + noise * rng.standard_normal(n)
    return x, y


@dataclass(frozen=True)
class LineFit:
    """The least-squares line through points, with the pieces of the normal equations.

    Attributes
    ----------
    design : (n, 2) ndarray X, columns 1 and x.
    target : (n,) ndarray y.
    coefficients : (2,) ndarray β̂ = (intercept, slope).
    fitted : (n,) ndarray ŷ = X β̂, the projection of y onto the column space of X.
    residual : (n,) ndarray e = y - ŷ.
    gram : (2, 2) ndarray XᵀX.
    moment : (2,) ndarray Xᵀy.
    residual_dot_columns : (2,) ndarray Xᵀe (zero up to rounding: e is orthogonal to X).
    rank : rank of X (1 when every x is the same, and then the slope is not determined).
    """

    design: np.ndarray
    target: np.ndarray
    coefficients: np.ndarray
    fitted: np.ndarray
    residual: np.ndarray
    gram: np.ndarray
    moment: np.ndarray
    residual_dot_columns: np.ndarray
    rank: int

    @property
    def exact(self) -> bool:
        """Whether the points lie on the line: the residual is zero up to rounding."""
        size = max(1.0, float(np.linalg.norm(self.target)))
        return float(np.linalg.norm(self.residual)) <= 1e-9 * size


def fit_line(x: np.ndarray, y: np.ndarray) -> LineFit:
    """Fit y ≈ β₀ + β₁x by least squares, through the normal equations.

    Parameters
    ----------
    x, y : (n,) array_like, n ≥ 1.

    Returns
    -------
    LineFit

    Notes
    -----
    Minimising |y - Xβ|² over β puts Xβ̂ at the point of the column space closest to y: the
    orthogonal projection. The error e = y - Xβ̂ is then perpendicular to every column,
    Xᵀ(y - Xβ̂) = 0, which are the normal equations XᵀX β̂ = Xᵀy. When all x coincide the
    columns are dependent and the slope is free; we then take the flat line through the
    mean (the minimum-norm choice among the equally good ones would tilt it).
    """
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    design = np.column_stack([np.ones_like(x), x])
    gram = design.T @ design
    moment = design.T @ y
    spread = float(np.ptp(x)) if x.size else 0.0
    scale = max(1.0, float(np.max(np.abs(x)))) if x.size else 1.0
    if x.size >= 2 and spread > 1e-9 * scale:
        coefficients = np.linalg.solve(gram, moment)
        rank = 2
    else:
        coefficients = np.array([float(np.mean(y)) if y.size else 0.0, 0.0])
        rank = 1 if x.size else 0
    fitted = design @ coefficients
    residual = y - fitted
    return LineFit(
        design=design,
        target=y,
        coefficients=coefficients,
        fitted=fitted,
        residual=residual,
        gram=gram,
        moment=moment,
        residual_dot_columns=design.T @ residual,
        rank=rank,
    )


def fitted_segment(x: np.ndarray, fit: LineFit) -> np.ndarray:
    """(2, 2) ends of the fitted line over the range of x."""
    x = np.asarray(x, dtype=float)
    ends = np.array([x.min(), x.max()]) if x.size else np.zeros(2)
    intercept, slope = fit.coefficients
    return np.column_stack([ends, intercept + slope * ends])


def residual_path(x: np.ndarray, y: np.ndarray, fitted: np.ndarray) -> np.ndarray:
    """The vertical residual segments as one unbroken path, shape (3n - 1, 2), x sorted.

    Notes
    -----
    From each data point down (or up) to the line, along the line to the next point's foot,
    up to that point and back to its foot, and so on. The connecting pieces lie on the
    fitted line, which is drawn anyway, so no gaps are needed.
    """
    order = np.argsort(x, kind="stable")
    xs, ys, fs = x[order], y[order], fitted[order]
    path = []
    for index, (xi, yi, fi) in enumerate(zip(xs, ys, fs, strict=True)):
        if index == 0:
            path += [(xi, yi), (xi, fi)]
        else:
            path += [(xi, fi), (xi, yi), (xi, fi)]
    return np.array(path, dtype=float).reshape(-1, 2)


@dataclass(frozen=True)
class ColumnSpacePicture:
    """The least-squares geometry of Rⁿ, drawn faithfully in three dimensions.

    The columns 1 and x of X and the data y span (at most) a 3-dimensional subspace of Rⁿ.
    In an orthonormal basis of it, lengths and angles are exactly those of Rⁿ.

    Attributes
    ----------
    columns : (2, 3) ndarray, the two columns of X (first column 1, second x).
    target : (3,) ndarray y.
    fitted : (3,) ndarray ŷ, in the plane z = 0 (the column space).
    residual : (3,) ndarray e = y - ŷ, along the z axis (perpendicular to the plane).
    right_angle : (3, 3) ndarray, three corners of a small square at ŷ between the plane and
        e (the right-angle mark); empty (0, 3) when e = 0 or ŷ = 0.
    """

    columns: np.ndarray
    target: np.ndarray
    fitted: np.ndarray
    residual: np.ndarray
    right_angle: np.ndarray


def column_space_picture(fit: LineFit) -> ColumnSpacePicture:
    """Coordinates of X's columns, y, ŷ and e in an orthonormal basis of span{1, x, y}.

    Notes
    -----
    Gram-Schmidt on ŷ, the columns and e: q₁ = ŷ/|ŷ|, q₂ = the part of a column
    perpendicular to q₁, normalised (q₁, q₂ span the column space), and q₃ = e/|e|, which
    is perpendicular to both since e ⟂ the column space. A vector w of the subspace has
    coordinates (q₁·w, q₂·w, q₃·w); the q's being orthonormal, every dot product (every
    length and angle) is that of Rⁿ. In these coordinates ŷ lies along the first axis and e
    is vertical above its tip. A missing direction (e = 0 when the points lie on a line)
    is left out: its coordinate is 0.
    """
    columns = fit.design.T
    plane: list[np.ndarray] = []
    for vector in (fit.fitted, columns[0], columns[1]):
        remainder = vector - sum(((q @ vector) * q for q in plane), np.zeros_like(vector))
        norm = float(np.linalg.norm(remainder))
        if len(plane) < 2 and norm > 1e-9 * max(1.0, float(np.linalg.norm(vector))):
            plane.append(remainder / norm)
    plane += [np.zeros_like(fit.target)] * (2 - len(plane))
    # e is perpendicular to the plane in exact arithmetic; removing its rounding-error part
    # along the plane keeps the basis orthonormal when e is tiny (little noise).
    up = fit.residual - sum(((q @ fit.residual) * q for q in plane), np.zeros_like(fit.target))
    height = float(np.linalg.norm(up))
    exact = height <= 1e-9 * max(1.0, float(np.linalg.norm(fit.target)))
    basis = [*plane, np.zeros_like(up) if exact else up / height]
    q = np.vstack(basis)  # (3, n): rows orthonormal, or zero for a missing direction

    fitted, residual = q @ fit.fitted, q @ fit.residual
    fitted_norm, residual_norm = float(np.linalg.norm(fitted)), float(np.linalg.norm(residual))
    if fitted_norm > 0 and residual_norm > 0:
        # Sides of the mark: back along ŷ, and up along e; a tenth of the shorter one long.
        size = 0.1 * min(fitted_norm, residual_norm)
        back, up = -fitted / fitted_norm * size, residual / residual_norm * size
        right_angle = np.vstack([fitted + back, fitted + back + up, fitted + up])
    else:
        right_angle = np.zeros((0, 3))
    return ColumnSpacePicture(
        columns=columns @ q.T,
        target=q @ fit.target,
        fitted=fitted,
        residual=residual,
        right_angle=right_angle,
    )


def height_stretch(picture: ColumnSpacePicture, share: float = 0.35) -> float:
    """How much to stretch the vertical axis so that e shows as ``share`` of the plane's size.

    Stretching only the axis perpendicular to the plane keeps the plane to scale and every
    right angle with it right (e stays vertical, the plane flat); 1 when e is large enough.
    """
    flat = np.vstack([np.zeros((1, 3)), picture.columns, picture.fitted[None, :]])[:, :2]
    width = float(np.max(np.ptp(flat, axis=0)))
    height = abs(float(picture.residual[2]))
    if height <= 1e-9 * width:  # no residual to show (the points lie on a line)
        return 1.0
    return max(1.0, share * width / height)

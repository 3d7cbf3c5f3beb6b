"""Probability & sampling: the four probability pages' maths, figures, words and URL state.

- ``distributions``: 21 distributions as a registry (``DISTRIBUTIONS``), each a frozen
  scipy-like law built from declared parameters, with its story, support, moments, entropy,
  related distributions and the numpy/scipy lines that sample it; ``mixture`` is the
  two-component Gaussian mixture scipy lacks. Shared with statistics.
- ``sampling`` and ``clt``: seeded draws (up to 10⁶) binned on the server, the empirical CDF
  and the KS distance, running means in their σ/√n band, coins and dice; the central limit
  theorem from exact sums where the law of the sum is known, in chunks otherwise.
- ``bayes`` and ``joint``: the medical test as counts of 1,000 people and a tree, a coin's
  Beta posterior flip by flip; the 2D Gaussian from its covariance (ellipses from its
  eigen-decomposition, marginals, a conditional slice, x = μ + Lz).
- ``samplers`` and ``mcmc``: inverse-transform and rejection sampling, Monte Carlo π;
  random-walk Metropolis–Hastings on 2D targets with ESS and split R-hat.
- ``figures_*``, ``text_*``, ``params_*``: each page's pictures, words and URL state
  (``params`` gathers the four declarations).
"""

"""Trivial: return a constant."""

# EVOLVE-BLOCK-START
X = 1.0


def compute():
    return X
# EVOLVE-BLOCK-END


def entrypoint():
    return compute()

"""The jtk commands, one module per area; each registers its commands on ``cli.app``."""

"""Service baselines: what a public body's services cost and create, published by its
commissioners so that challengers start from the body's own figures."""

"""The parts of the generated world, built in the order bench.generate calls them."""

"""Names shared by the benchmark scripts' generated articles."""

PEOPLE = [
    "Sergey Lavrov", "Antony Blinken", "Emmanuel Macron", "Olaf Scholz", "Mario Draghi",
    "Jens Stoltenberg", "Volodymyr Zelensky", "Vladimir Putin", "Joe Biden", "Boris Johnson",
]  # fmt: skip

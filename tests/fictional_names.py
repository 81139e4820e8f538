"""The invented states and people the extraction tests name, as the `annotated` fixture takes
them ("surface": ("key", EntityType)): one table, which a test module extends with its own names."""

from kg.records import EntityType

FICTIONAL_NAMES = {
    "Ruritania": ("ruritania", EntityType.STATE),
    "Freedonia": ("freedonia", EntityType.STATE),
    "Elbonia": ("elbonia", EntityType.STATE),
    "Alma Vask": ("vask", EntityType.PERSON),
    "Omar Tellen": ("tellen", EntityType.PERSON),
}

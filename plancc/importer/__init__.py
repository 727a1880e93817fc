"""``plancc import``: last year's Word document → a plan.

The pipeline is the compiler's run backwards, one module per stage:

    read (docx.py, convert.py)  bytes of .docx/.doc/.wps → :class:`source.SourceDoc`
    structure (structure.py)    paragraphs → title block, outline (sections by numbering
                                level, not by font), basis documents → a plan of prose
    recognise (recognise/)      prose and tables → the data the language holds (period,
                                hours, tiers, phases, assessments, catalogs, groups), the
                                prose keeping ``{=…}`` references to it
    write (write.py)            the plan as commented YAML with the modeline; every
                                character of the source's body text is in it

Each stage records its guesses (:class:`source.Guess`, with the place in the source),
which the report prints and the YAML carries as comments.
"""

"""`founder-check explain ID`: what an id in the content means and how it counts (lookup),
and that explanation said in the terminal, in Markdown and as JSON (render)."""

"""The whole Renja and LKjIP documents: structure, narrative, approval workflow and the PDF."""

"""处置 Disposition: holds, the appraisal due list; later appraisal batches and destruction."""

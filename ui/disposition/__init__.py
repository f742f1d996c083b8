"""The appraisal view (鉴定): the due list, appraisal batches, destruction registers, holds."""

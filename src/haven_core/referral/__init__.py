"""What leaves Haven in a referral: only the fields a recipient needs (:mod:`.profile`), packed with a
signed manifest of hashes and encrypted to the recipient's ``age`` key (:mod:`.package`)."""

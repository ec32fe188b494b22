# hr.skp.evaluasi and friends: see the evaluation issue

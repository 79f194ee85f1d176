// Block 83 of the table in ../t2s.js.
export const T2S = "茲兹荊荆莊庄莖茎莢荚莧苋菕𰰨華华菴庵菸烟";

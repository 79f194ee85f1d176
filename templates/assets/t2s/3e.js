// Block 3e of the table in ../t2s.js.
export const T2S = "㸇𤎺㹽𫞣㺏𤠋㺜𪺻㻶𪼋";

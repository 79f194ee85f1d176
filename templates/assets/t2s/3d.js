// Block 3d of the table in ../t2s.js.
export const T2S = "㵗𣳆㵾𪷍㶆𫞛㷍𤆢㷿𤈷";

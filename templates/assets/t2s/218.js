// Block 218 of the table in ../t2s.js.
export const T2S = "𡠹㛿𡢃㛠";

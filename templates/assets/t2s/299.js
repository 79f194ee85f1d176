// Block 299 of the table in ../t2s.js.
export const T2S = "𩤊𩧩𩤙𩨆𩤲𩨉𩤸𩨅𩥄𩨋𩥇𩨍𩥉𩧱𩥑𩨌𩦠𫠌𩧆𩨐";

// Block 297 of the table in ../t2s.js.
export const T2S = "𩜇𩠉𩜦𩠆𩜵𩠊𩝔𩠋𩝽𫗳𩞄𩠎𩞦𩠏𩞯䭪𩟐𩠅𩟗𫗚";

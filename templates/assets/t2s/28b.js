// Block 28b of the table in ../t2s.js.
export const T2S = "𨬖𫔏𨭆𬭶𨭎𬭳𨭖𫔑𨭸𫔐𨮂𨱕𨮳𫔒𨯅䥿𨯟𫔓";

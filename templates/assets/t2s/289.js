// Block 289 of the table in ../t2s.js.
export const T2S = "𨤻𨤰𨥛𨱀𨥟𫓫𨦫䦀𨧀𬭊𨧜䦁𨧰𫟽𨧱𨱊";

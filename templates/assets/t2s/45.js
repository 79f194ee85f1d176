// Block 45 of the table in ../t2s.js.
export const T2S = "䕤𫟕䕳𦰴䖅𫟑䗅𫊪䗿𧉞";

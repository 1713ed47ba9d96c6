/**
 * The results of the paper's analyses as plain records: what the {@code report} command writes,
 * what the lab window draws, and what the CSV files hold. No DJL and no JavaFX here, so the window
 * and the report share them (ARCHITECTURE.md: ui may import analysis results).
 */
package org.mlaan.lab.analysis.result;

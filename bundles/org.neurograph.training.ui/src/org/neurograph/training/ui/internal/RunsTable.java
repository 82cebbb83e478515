package org.neurograph.training.ui.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.neurograph.training.RunInfo;
import org.neurograph.training.Runs;

/** The runs of a project with their states, newest first; several can be selected to compare them. */
final class RunsTable {
	private static final String[] COLUMNS = { "Run", "State", "Step", "Trainer", "Dataset", "Message" };
	private static final int[] WIDTHS = { 230, 90, 110, 220, 100, 420 };

	private final Table table;
	private List<RunInfo> runs = List.of();
	private List<List<String>> rows = List.of();

	RunsTable(Composite parent, Runnable onSelection) {
		table = new Table(parent, SWT.MULTI | SWT.FULL_SELECTION | SWT.BORDER);
		table.setHeaderVisible(true);
		table.setLinesVisible(true);
		for (int i = 0; i < COLUMNS.length; i++) {
			TableColumn column = new TableColumn(table, SWT.LEFT);
			column.setText(COLUMNS[i]);
			column.setWidth(WIDTHS[i]);
		}
		table.addListener(SWT.Selection, e -> onSelection.run());
	}

	Table control() {
		return table;
	}

	/**
	 * Reads the runs of {@code project} (null: none), keeping the selection. {@code liveStep} gives the last logged
	 * step of a run when it is known (run.json holds the step of the last checkpoint only), else null.
	 */
	void load(Path project, Function<String, Long> liveStep) {
		List<RunInfo> now;
		try {
			now = project == null ? List.of() : Runs.list(project);
		} catch (IOException e) {
			now = List.of();
		}
		List<List<String>> texts = new ArrayList<>();
		for (RunInfo r : now) {
			Long live = liveStep.apply(r.id());
			long step = live == null ? r.step() : Math.max(r.step(), live);
			String steps = r.totalSteps() > 0 ? step + " / " + r.totalSteps() : Long.toString(step);
			texts.add(List.of(r.id(), r.state().label(), steps, r.trainerName(), r.dataset(), r.message()));
		}
		if (texts.equals(rows)) {
			runs = now;
			return;
		}
		if (sameRuns(now)) {
			for (int i = 0; i < texts.size(); i++) {
				if (!texts.get(i).equals(rows.get(i))) {
					table.getItem(i).setText(texts.get(i).toArray(String[]::new));
				}
			}
			runs = now;
			rows = texts;
			return;
		}
		Set<String> selected = Set.copyOf(selectedIds());
		runs = now;
		rows = texts;
		table.removeAll();
		List<Integer> keep = new ArrayList<>();
		for (int i = 0; i < runs.size(); i++) {
			TableItem item = new TableItem(table, SWT.NONE);
			item.setText(rows.get(i).toArray(String[]::new));
			if (selected.contains(runs.get(i).id())) {
				keep.add(i);
			}
		}
		table.select(keep.stream().mapToInt(Integer::intValue).toArray());
	}

	private boolean sameRuns(List<RunInfo> now) {
		return now.stream().map(RunInfo::id).toList().equals(runs.stream().map(RunInfo::id).toList());
	}

	/** The selected runs, in table order. */
	List<RunInfo> selected() {
		List<RunInfo> out = new ArrayList<>();
		for (int i : table.getSelectionIndices()) {
			out.add(runs.get(i));
		}
		return out;
	}

	List<String> selectedIds() {
		return selected().stream().map(RunInfo::id).collect(Collectors.toList());
	}

	/** Adds run {@code id} to the selection, if it is listed. */
	void select(String id) {
		for (int i = 0; i < runs.size(); i++) {
			if (runs.get(i).id().equals(id)) {
				table.select(i);
				table.showItem(table.getItem(i));
			}
		}
	}

	/** Selects exactly the runs {@code ids}. */
	void selectOnly(List<String> ids) {
		table.deselectAll();
		ids.forEach(this::select);
	}
}

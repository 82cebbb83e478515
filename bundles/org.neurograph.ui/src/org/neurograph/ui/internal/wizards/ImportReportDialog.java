package org.neurograph.ui.internal.wizards;

import java.util.function.Function;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.TableColumnLayout;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnWeightData;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.neurograph.assets.DatasetImporter;

/** The end of an import: how many files went in, and a table of each file left out with the reason. */
public final class ImportReportDialog extends Dialog {
	private final String project;
	private final DatasetImporter.Report report;

	private ImportReportDialog(Shell parent, String project, DatasetImporter.Report report) {
		super(parent);
		this.project = project;
		this.report = report;
		setShellStyle(getShellStyle() | SWT.RESIZE);
	}

	/** Opens the report (without blocking the caller's flow beyond the dialog itself). */
	static void open(Shell parent, String project, DatasetImporter.Report report) {
		new ImportReportDialog(parent, project, report).open();
	}

	@Override
	protected void configureShell(Shell shell) {
		super.configureShell(shell);
		shell.setText("Dataset Imported");
	}

	@Override
	protected Control createDialogArea(Composite parent) {
		Composite area = (Composite) super.createDialogArea(parent);
		Label summary = new Label(area, SWT.WRAP);
		int rejected = report.rejected().size();
		summary.setText("Imported " + report.imported() + (report.imported() == 1 ? " file" : " files") + " into "
				+ project + "/datasets/" + report.name() + "."
				+ (rejected == 0 ? "" : "\n" + rejected + (rejected == 1 ? " file was" : " files were")
						+ " not imported:"));
		GridDataFactory.fillDefaults().grab(true, false).hint(480, SWT.DEFAULT).applyTo(summary);
		if (rejected > 0) {
			Composite tableParent = new Composite(area, SWT.NONE);
			GridDataFactory.fillDefaults().grab(true, true).hint(680, 220).applyTo(tableParent);
			TableColumnLayout layout = new TableColumnLayout();
			tableParent.setLayout(layout);
			TableViewer table = new TableViewer(tableParent, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL);
			table.getTable().setHeaderVisible(true);
			table.setContentProvider(ArrayContentProvider.getInstance());
			column(table, layout, "File", 2, r -> String.valueOf(r.source().getFileName()));
			column(table, layout, "Reason", 3, DatasetImporter.Rejected::reason);
			column(table, layout, "Folder", 3, r -> String.valueOf(r.source().getParent()));
			table.setInput(report.rejected());
		}
		return area;
	}

	private static void column(TableViewer table, TableColumnLayout layout, String title, int weight,
			Function<DatasetImporter.Rejected, String> text) {
		TableViewerColumn column = new TableViewerColumn(table, SWT.NONE);
		column.getColumn().setText(title);
		layout.setColumnData(column.getColumn(), new ColumnWeightData(weight, 100, true));
		column.setLabelProvider(ColumnLabelProvider.createTextProvider(o -> text.apply((DatasetImporter.Rejected) o)));
	}

	@Override
	protected void createButtonsForButtonBar(Composite parent) {
		createButton(parent, IDialogConstants.OK_ID, IDialogConstants.OK_LABEL, true);
	}
}

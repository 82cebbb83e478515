package org.neurograph.gan.ui.internal;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowData;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;

/**
 * A view's row of controls that wraps onto more lines when the view is narrow (a fixed grid would cut the last
 * controls off), and scrolls when the view is too short for all of them. Each labelled field stays on one line.
 */
final class ControlRow {
	/** The largest share of the view's height the controls take before they scroll. */
	static final double MAX_SHARE = 0.4;

	private ControlRow() {
	}

	/**
	 * A wrapping row filling the width of {@code parent} (whose layout is a one-column {@code GridLayout}). When the
	 * wrapped rows would take more than {@link #MAX_SHARE} of the view's height, they scroll, so that what the view
	 * shows below them keeps its room.
	 */
	static Composite create(Composite parent) {
		ScrolledComposite scroller = new ScrolledComposite(parent, SWT.V_SCROLL);
		scroller.setExpandHorizontal(true);
		scroller.setExpandVertical(true);
		Composite row = new Composite(scroller, SWT.NONE);
		RowLayout layout = new RowLayout(SWT.HORIZONTAL);
		layout.wrap = true;
		layout.center = true;
		layout.spacing = 14;
		layout.marginLeft = 0;
		layout.marginRight = 0;
		row.setLayout(layout);
		scroller.setContent(row);
		GridData data = new GridData(SWT.FILL, SWT.TOP, true, false);
		scroller.setLayoutData(data);
		parent.addListener(SWT.Resize, e -> fit(parent, scroller, row, data));
		return row;
	}

	private static void fit(Composite parent, ScrolledComposite scroller, Composite row, GridData data) {
		Rectangle area = parent.getClientArea();
		if (area.width <= 0 || area.height <= 0) {
			return;
		}
		int width = Math.max(1, area.width - 2 * ((GridLayout) parent.getLayout()).marginWidth);
		int wanted = row.computeSize(width, SWT.DEFAULT).y;
		int room = Math.max(row.computeSize(SWT.DEFAULT, SWT.DEFAULT).y, (int) (area.height * MAX_SHARE));
		int height = Math.min(wanted, room);
		if (height < wanted) { // scrolling: the bar takes some width, so the rows wrap a little more
			wanted = row.computeSize(Math.max(1, width - scroller.getVerticalBar().getSize().x), SWT.DEFAULT).y;
		}
		scroller.setMinHeight(wanted);
		if (data.heightHint != height) {
			data.heightHint = height;
			parent.layout(true);
		}
	}

	/** A group in {@code row} that starts with {@code label} (none when null); add its controls to it. */
	static Composite field(Composite row, String label) {
		Composite field = new Composite(row, SWT.NONE);
		RowLayout layout = new RowLayout(SWT.HORIZONTAL);
		layout.wrap = false;
		layout.center = true;
		layout.marginLeft = 0;
		layout.marginRight = 0;
		layout.marginTop = 0;
		layout.marginBottom = 0;
		field.setLayout(layout);
		if (label != null) {
			new Label(field, SWT.NONE).setText(label);
		}
		return field;
	}

	/** Gives {@code control} a preferred width (combos and scales would otherwise take their content's). */
	static <C extends Control> C width(C control, int width) {
		control.setLayoutData(new RowData(width, SWT.DEFAULT));
		return control;
	}
}
